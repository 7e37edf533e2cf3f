for s in ['10', ' 20 ', 'x']:
    print(int(s) * 2)
