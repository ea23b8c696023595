#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
screenshot.py - a picture of the shell's memmap command for the README.

Boots build/kernel.iso, waits for the shell, allocates some memory with
each allocator so the map shows more than "free", runs memmap, asks
QEMU's monitor for a screendump of the VGA screen (PPM) and converts it
to PNG with nothing but the standard library (zlib).

QEMU is started by scripts/qemu_driver.py, with its monitor on a UNIX
socket.

Usage: scripts/screenshot.py [--iso build/kernel.iso] [--out docs/memmap.png]
                             [--qemu QEMU] [--kvm auto|0|1] [--timeout 60]
"""

import argparse
import os
import shutil
import socket
import struct
import sys
import tempfile
import time
import zlib

import qemu_driver

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iso', default=os.path.join(ROOT, 'build', 'kernel.iso'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'docs', 'memmap.png'))
    ap.add_argument('--timeout', type=float, default=60,
                    help='seconds for each wait (boot, each command)')
    qemu_driver.add_arguments(ap)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    sock_path = os.path.join(tmp, 'monitor.sock')
    ppm = os.path.join(tmp, 'screen.ppm')
    cmd = qemu_driver.command(iso=args.iso, qemu=args.qemu, kvm=args.kvm,
                              smp=args.smp,
                              mem='256M',
                              monitor='unix:%s,server,nowait' % sock_path)
    try:
        with qemu_driver.Qemu(cmd, stdin=True,
                              stderr_to_serial=True) as qemu:
            qemu.read_until(b'tk> ', args.timeout, 'boot')
            for line in COMMANDS:
                qemu.type(line)
                qemu.read_until(b'tk> ', args.timeout, repr(line))
            mon = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            mon.connect(sock_path)
            mon.sendall(('screendump %s\n' % ppm).encode())
            deadline = time.monotonic() + qemu_driver.scaled(20)
            while not (os.path.exists(ppm) and os.path.getsize(ppm) > 1000):
                if time.monotonic() > deadline:
                    raise qemu_driver.QemuTimeout('no screendump')
                time.sleep(0.2)
            time.sleep(0.5)
            mon.close()
        ppm_to_png(ppm, args.out)
    except qemu_driver.QemuError as e:
        print('screenshot: %s' % e, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print('screenshot: %s' % os.path.relpath(args.out, ROOT))
    return 0


if __name__ == '__main__':
    sys.exit(main())
