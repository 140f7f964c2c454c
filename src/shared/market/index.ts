/** Pure KRX/NXT market rules shared by the simulator, main's order re-validation and the renderer. */
export * from './time';
export * from './regime';
export * from './calendar';
export * from './ordDvsn';
export * from './sessions';
export * from './ticks';
export * from './band';
export * from './fees';
