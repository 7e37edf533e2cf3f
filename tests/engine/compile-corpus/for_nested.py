for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j)
