def gen():
    print((yield 1))
