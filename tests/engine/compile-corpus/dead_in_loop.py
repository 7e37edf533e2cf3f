for x in y:
    break
    print(x)
