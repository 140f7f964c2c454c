#!/usr/bin/env python3
"""Draws the app and tray icons (a shield with an up-red / down-blue split) as real PNGs, no dependencies.
Run: python3 scripts/make-icons.py  (writes resources/icon.png, tray.png, tray@2x.png)."""
import os, struct, zlib

def png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            rows.extend(pixel((x + 0.5) / size, (y + 0.5) / size))
    def chunk(kind, data):
        c = struct.pack('>I', len(data)) + kind + data
        return c + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) \
        + chunk(b'IDAT', zlib.compress(bytes(rows), 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(data)

def inside_shield(u, v, margin):
    # Shield: straight sides down to 55% height, then two arcs meeting at the bottom point.
    u = (u - 0.5) / (0.5 - margin); v = (v - margin) / (1 - 2 * margin)
    if v < 0 or v > 1 or abs(u) > 1: return False
    if v < 0.55: return True
    t = (v - 0.55) / 0.45
    return abs(u) <= (1 - t ** 1.6)

def icon_pixel(u, v, margin=0.06):
    if not inside_shield(u, v, margin): return (0, 0, 0, 0)
    if not inside_shield(u, v, margin + 0.05): return (220, 226, 236, 255)  # rim
    return (240, 68, 82, 255) if u < 0.5 else (52, 133, 250, 255)  # up red | down blue

if __name__ == '__main__':
    out = os.path.join(os.path.dirname(__file__), '..', 'resources')
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, 'icon.png'), 512, icon_pixel)
    png(os.path.join(out, 'tray.png'), 32, lambda u, v: icon_pixel(u, v, 0.03))
    png(os.path.join(out, 'tray@2x.png'), 64, lambda u, v: icon_pixel(u, v, 0.03))
