while x:
    x -= 1
else:
    print('done')
