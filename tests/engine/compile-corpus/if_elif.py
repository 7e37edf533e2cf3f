if x == 1:
    y = 'a'
elif x == 2:
    y = 'b'
elif x == 3:
    y = 'c'
else:
    y = 'd'
