eval('"abc')
