while True:
    if f():
        break
