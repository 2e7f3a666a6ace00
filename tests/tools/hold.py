#!/usr/bin/env python3
"""hold.py LINE SHELL ERRFILE CMD...: run CMD with its standard error a
pipe kept full, so that CMD waits at its next write there; once CMD has
written LINE, run SHELL while CMD waits, then let CMD go on.  CMD's
standard error (without the filler) goes to ERRFILE, then "held" when
CMD was seen waiting at a write (/proc/PID/wchan) before SHELL ran and
was still running when SHELL ended.  Exit: CMD's status (SHELL
failing: 99).

A pipe holds 64 KiB: it is filled before CMD starts, so that CMD's
first write waits for this script to read; once LINE is read, the pipe
is filled again, and CMD's next write waits until SHELL is done.
"""
import os
import select
import subprocess
import sys
import time


def fill(fd):
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except BlockingIOError:
        pass


def waits(proc):
    """Whether CMD comes to wait writing to a pipe (within 10 s)."""
    for _ in range(200):
        try:
            with open("/proc/%d/wchan" % proc.pid) as f:
                if "pipe_write" in f.read():
                    return True
        except OSError:
            return False
        time.sleep(0.05)
    return False


def main():
    line, shell, errfile, cmd = sys.argv[1].encode(), sys.argv[2], \
        sys.argv[3], sys.argv[4:]
    r, w = os.pipe()
    # Filled through an open file of its own, which alone does not
    # wait (CMD's standard error is w's, and waits).
    full = os.open("/proc/self/fd/%d" % w, os.O_WRONLY | os.O_NONBLOCK)
    fill(full)
    proc = subprocess.Popen(cmd, stderr=w)
    os.close(w)
    os.set_blocking(r, False)
    seen = b""
    held = None

    def drain():
        nonlocal seen
        try:
            while True:
                chunk = os.read(r, 65536)
                if not chunk:
                    return
                seen += chunk.replace(b"\0", b"")
        except BlockingIOError:
            pass

    while True:
        select.select([r], [], [], 0.2)
        ended = proc.poll() is not None
        drain()
        if held is None and line in seen:
            fill(full)
            blocked = waits(proc)
            if subprocess.run(shell, shell=True).returncode != 0:
                proc.kill()
                proc.wait()
                return 99
            held = blocked and proc.poll() is None
        if ended:
            break
    os.close(full)
    status = proc.wait()
    with open(errfile, "wb") as f:
        f.write(seen)
        if held:
            f.write(b"held\n")
    return status


sys.exit(main())
