"""Serve a Python likelihood to Squall over stdin/stdout (protocol version 1).

Standard library only; NumPy is used when installed (then vectorized callbacks receive the whole
batch as one (n, dim) array). See docs/process-protocol.md for the bytes on the wire.

    import squall_process

    def log_likelihood(theta):            # one point: a sequence of dim floats
        return -0.5 * sum(t * t for t in theta)

    squall_process.serve(log_likelihood, dim=2)

Options of serve():
  derived=("a", "b")   names of derived values; the likelihood then returns (logL, [a, b])
  prior=f              f(u) -> theta: the child's own prior (settings: prior = process)
  vectorized=True      callbacks take the whole batch (an (n, dim) array) and return arrays:
                       logL of shape (n,), or (logL, derived) with derived of shape (n, k);
                       a vectorized prior returns theta of shape (n, dim)

print() inside the callbacks is safe: serve() sends Python's stdout to stderr, which Squall logs.
"""
import os
import struct
import sys
import traceback

np = None
if not os.environ.get("SQUALL_PROCESS_NO_NUMPY"):  # set it to use the standard library only
    try:
        import numpy as np
    except ImportError:  # NumPy is optional
        np = None

MAGIC = b"SQPR"
VERSION = 1
FLAG_PRIOR = 1


def _read_exactly(stream, n):
    data = stream.read(n)
    while data is not None and 0 < len(data) < n:
        more = stream.read(n - len(data))
        if not more:
            break
        data += more
    return data or b""


def _protocol_streams():
    """The real stdout for the protocol; fd 1 (print, C libraries) then goes to stderr."""
    sys.stdout.flush()
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return sys.stdin.buffer, out


def _handshake(dim, derived, has_prior, version=VERSION):
    names = [name.encode("utf-8") for name in derived]
    parts = [MAGIC, struct.pack("<IIII", version, dim, FLAG_PRIOR if has_prior else 0, len(names))]
    for name in names:
        parts.append(struct.pack("<I", len(name)))
        parts.append(name)
    return b"".join(parts)


def _points(payload, n, dim):
    if np is not None:
        return np.frombuffer(payload, dtype="<f8").reshape(n, dim)
    values = struct.unpack("<%dd" % (n * dim), payload)
    return [values[i * dim:(i + 1) * dim] for i in range(n)]


def _pack(rows, n, width):
    header = b"R" + struct.pack("<II", n, width)
    if np is not None:
        block = np.ascontiguousarray(rows, dtype="<f8").reshape(n, width)
        return header + block.tobytes()
    flat = [float(v) for row in rows for v in row]
    if len(flat) != n * width:
        raise ValueError("expected %d x %d values, got %d" % (n, width, len(flat)))
    return header + struct.pack("<%dd" % len(flat), *flat)


def _evaluate(loglike, points, k, vectorized):
    """Rows of 1 + k values: logL then the derived values."""
    if vectorized:
        out = loglike(points)
        if k:
            values, derived = out
        else:
            values, derived = out, None
        if np is not None:
            values = np.asarray(values, dtype=float).reshape(len(points), 1)
            if not k:
                return values
            return np.hstack([values, np.asarray(derived, dtype=float).reshape(len(points), k)])
        return [[v] + (list(d) if k else []) for v, d in zip(values, derived if k else values)]
    rows = []
    for theta in _rows(points):
        out = loglike(theta)
        rows.append([out[0]] + list(out[1]) if k else [out])
    return rows


def _rows(points):
    """Points as lists of Python floats (fast scalar arithmetic in per-point callbacks)."""
    return points.tolist() if hasattr(points, "tolist") else points


def _transform(prior, points, vectorized):
    if vectorized:
        return prior(points)
    return [prior(u) for u in _rows(points)]


def serve(loglike, dim, derived=(), prior=None, vectorized=False, _version=VERSION):
    """Answer Squall's requests until it closes stdin. Never returns normally before that."""
    derived = tuple(derived)
    k = len(derived)
    stdin, stdout = _protocol_streams()
    stdout.write(_handshake(dim, derived, prior is not None, _version))
    while True:
        header = _read_exactly(stdin, 5)
        if len(header) < 5:
            return  # Squall closed our stdin: the run is over
        op = header[:1]
        n = struct.unpack("<I", header[1:])[0]
        points = _points(_read_exactly(stdin, 8 * n * dim), n, dim)
        try:
            if op == b"L":
                reply = _pack(_evaluate(loglike, points, k, vectorized), n, 1 + k)
            elif op == b"U":
                if prior is None:
                    raise ValueError("Squall sent unit-cube points but serve() was given no prior")
                thetas = _transform(prior, points, vectorized)
                reply = _pack(_evaluate(loglike, thetas, k, vectorized), n, 1 + k)
            elif op == b"T":
                if prior is None:
                    raise ValueError("Squall asked for the prior transform but serve() was given no prior")
                reply = _pack(_transform(prior, points, vectorized), n, dim)
            else:
                raise ValueError("unknown request %r" % op)
        except Exception:  # report the callback's error to Squall, keep serving
            message = traceback.format_exc().strip().splitlines()
            text = (message[-1] if message else "error").encode("utf-8")
            traceback.print_exc(file=sys.stderr)
            reply = b"E" + struct.pack("<I", len(text)) + text
        stdout.write(reply)
