data = {"a": 1}
x = data[ "b" ]
