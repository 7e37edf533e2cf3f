print('hello)
print('after')
