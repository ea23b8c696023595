#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
screenshot.py - a picture of the shell's memmap command for the README.

Boots build/kernel.iso, waits for the shell, allocates some memory with
each allocator so the map shows more than "free", runs memmap, asks
QEMU's monitor for a screendump of the VGA screen (PPM) and converts it
to PNG with nothing but the standard library (zlib).

Usage: scripts/screenshot.py [--out docs/memmap.png]
"""

import argparse
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMANDS = ['pages 10', 'pages 10', 'vmalloc 4000000', 'kmalloc 3000000',
            'memmap']


def ppm_to_png(ppm_path, png_path):
    """Convert a binary PPM (P6) to an 8-bit RGB PNG."""
    with open(ppm_path, 'rb') as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b'P6' or maxval != 255:
        raise ValueError('not an 8-bit P6 PPM')
    pixels = data[pos:pos + width * height * 3]
    raw = b''.join(b'\x00' + pixels[y * width * 3:(y + 1) * width * 3]
                   for y in range(height))

    def chunk(kind, body):
        return (struct.pack('>I', len(body)) + kind + body +
                struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff))

    png = (b'\x89PNG\r\n\x1a\n' +
           chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)) +
           chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
    with open(png_path, 'wb') as f:
        f.write(png)


def wait_for(proc, marker, timeout, seen):
    deadline = time.monotonic() + timeout
    while marker not in seen[0]:
        if time.monotonic() > deadline:
            raise TimeoutError('waited %d s for %r' % (timeout, marker))
        chunk = proc.stdout.read()
        if chunk:
            seen[0] += chunk
        else:
            time.sleep(0.05)
    seen[0] = seen[0].split(marker, 1)[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iso', default=os.path.join(ROOT, 'build', 'kernel.iso'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'docs', 'memmap.png'))
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    sock_path = os.path.join(tmp, 'monitor.sock')
    ppm = os.path.join(tmp, 'screen.ppm')
    proc = subprocess.Popen(
        ['qemu-system-x86_64', '-m', '256M', '-cpu', 'max', '-no-reboot',
         '-display', 'none', '-serial', 'stdio', '-cdrom', args.iso,
         '-monitor', 'unix:%s,server,nowait' % sock_path],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    os.set_blocking(proc.stdout.fileno(), False)
    seen = [b'']
    try:
        wait_for(proc, b'tk> ', 60, seen)
        for cmd in COMMANDS:
            for ch in (cmd + '\r').encode():
                proc.stdin.write(bytes([ch]))
                proc.stdin.flush()
                time.sleep(0.002)
            wait_for(proc, b'tk> ', 60, seen)
        mon = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mon.connect(sock_path)
        mon.sendall(('screendump %s\n' % ppm).encode())
        deadline = time.monotonic() + 20
        while not (os.path.exists(ppm) and os.path.getsize(ppm) > 1000):
            if time.monotonic() > deadline:
                raise TimeoutError('no screendump')
            time.sleep(0.2)
        time.sleep(0.5)
        mon.close()
        ppm_to_png(ppm, args.out)
        print('screenshot: %s' % os.path.relpath(args.out, ROOT))
    finally:
        proc.kill()
        proc.wait()
    return 0


if __name__ == '__main__':
    sys.exit(main())
