for x in y:
    if x == 1:
        continue
    if x == 2:
        break
    print(x)
