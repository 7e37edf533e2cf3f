s = f'{a + b}'
s = f'{x:{y}.{z}}'
