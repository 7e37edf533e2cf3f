obj.method(1, key='v')
