try:
    pass
except E as e:
    pass
e = 1
