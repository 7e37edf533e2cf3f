with lock:
    x = 1
