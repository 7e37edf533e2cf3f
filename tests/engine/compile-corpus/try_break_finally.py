while True:
    try:
        break
    finally:
        f()
