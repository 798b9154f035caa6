# A TCP listener that never accepts: once its accept queue is full, further SYNs are dropped and
# connects time out, as they do against a firewalled ("filtered") port. Loopback only.
import socket, sys, time
socks = []
for spec in sys.argv[1:]:
    host, port = spec.rsplit(':', 1)
    assert host.startswith('127.'), host
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, int(port)))
    s.listen(0)
    socks.append(s)
print('ready', flush=True)
time.sleep(3600)
