s = 'a' 'b'
