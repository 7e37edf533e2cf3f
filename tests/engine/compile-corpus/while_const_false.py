while 0:
    x = 1
y = 2
