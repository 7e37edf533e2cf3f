for i in x:
    if i:
        break
else:
    print('none')
