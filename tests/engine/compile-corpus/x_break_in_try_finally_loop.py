for x in y:
    try:
        if x:
            break
        continue
    finally:
        g()
