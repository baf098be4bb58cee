# make_png.py: PNG files of any size, interlaced or not, written a row at a
# time (a 8000x8000 picture of two colours is a few hundred KB), for the
# tests of pictures larger than their frame.
import zlib, struct
# Adam7: (first column, first row, column step, row step) of each pass
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
def png(path, w, h, row, ctype, interlace=False, cut=False):
    """row(y, x0, dx) -> the bytes of pixels x0, x0+dx, ... of row y"""
    z = zlib.compressobj(9)
    data = []
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for (x0, y0, dx, dy) in passes:
        if x0 >= w: continue
        for y in range(y0, h, dy):
            data.append(z.compress(b'\x00' + row(y, x0, dx)))
    data.append(z.flush())
    data = b''.join(data)
    if cut: data = data[:len(data) // 2]
    ihdr = struct.pack('>IIBBBBB', w, h, 8, ctype, 0, 0, 1 if interlace else 0)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', data) + chunk(b'IEND', b''))
def halves(w, left, right):
    """a row whose left half is one pixel value and right half another"""
    def row(y, x0, dx):
        n = len(range(x0, w, dx))
        n1 = len(range(x0, w // 2, dx))
        return left * n1 + right * (n - n1)
    return row
