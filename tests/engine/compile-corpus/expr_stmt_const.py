1
'str'
x
