/**
 * Imported first by main.tsx. The shared contract modules bring zod into the renderer (constants and defaults
 * live beside their schemas); zod probes `new Function` once to decide on its JIT, which the renderer's CSP
 * (script-src 'self', no eval) blocks and reports. Jitless mode skips the probe.
 */
import { config } from 'zod';

config({ jitless: true });
