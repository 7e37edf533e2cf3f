r = a < b < c
r = a < b <= c != d
