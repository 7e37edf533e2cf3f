print('before')
value = 1
print(valu)
print('never')
