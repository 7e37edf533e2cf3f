a = 'ab' * 3
b = 'x' + 'y'
c = 'a' * 5000
d = b'ab' * 2
