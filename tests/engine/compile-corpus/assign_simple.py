x = 1
y = x
z = 'hello'
