"""A gauss child that misbehaves on purpose, for ChildFailureTest. FAULT selects how:
  none            behaves (the gauss example's likelihood)
  version         announces protocol version 2
  print           prints to stdout before serve()
  garbage         after AFTER points, writes text into the protocol stream
  crash-once      after AFTER points, exits with code 3 (once: MARKER file records it)
  hang-once       after AFTER points, sleeps for an hour (once: MARKER file records it)
  hang            sleeps for an hour on the first request
  raise           raises ValueError for theta[0] > 5
  exit            writes to stderr and exits with code 3 before the handshake
"""
import math
import os
import sys
import time

sys.path.insert(0, os.environ["SQUALL_CLIENT"])
import squall_process  # noqa: E402

DIM = int(os.environ.get("GAUSS_DIM", "2"))
FAULT = os.environ.get("FAULT", "none")
AFTER = int(os.environ.get("AFTER", "0"))
MARKER = os.environ.get("MARKER", "")
LOG_NORMALISER = 0.5 * DIM * math.log(2.0 * math.pi)
state = {"points": 0, "out": None}

original_streams = squall_process._protocol_streams


def capture_streams():
    stdin, out = original_streams()
    state["out"] = out
    return stdin, out


squall_process._protocol_streams = capture_streams


def first_time():
    if os.path.exists(MARKER):
        return False
    open(MARKER, "w").close()
    return True


def log_likelihood(theta):
    state["points"] += 1
    if state["points"] > AFTER:
        if FAULT == "garbage":
            state["out"].write(b"debug: theta = %r\n" % (list(theta),))
        elif FAULT == "crash-once" and first_time():
            sys.stderr.write("faulty.py: crashing on purpose\n")
            sys.stderr.flush()
            os._exit(3)
        elif FAULT in ("hang-once", "hang") and (FAULT == "hang" or first_time()):
            time.sleep(3600)
    if FAULT == "raise" and theta[0] > 5:
        raise ValueError("theta[0] = %g is too large" % theta[0])
    chi2 = 0.0
    for t in theta:
        chi2 += t * t
    return -0.5 * chi2 - LOG_NORMALISER


if __name__ == "__main__":
    if FAULT == "exit":
        sys.stderr.write("faulty.py: cannot read the data file\n")
        sys.exit(3)
    if FAULT == "print":
        print("hello from faulty.py")
    squall_process.serve(log_likelihood, dim=DIM, _version=2 if FAULT == "version" else 1)
