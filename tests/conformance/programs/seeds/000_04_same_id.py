# seed 000_cfde1c38ef63e256.txt, example 4, under "Memory Allocation" (code unchanged; note the seed compares id(y) with id(y), not id(z))
x = 5
y = x 
if(id(x) == id(y)):
   print("x and y refer to the same object")

x = x+1
if(id(x) != id(y)):
    print("x and y refer to different objects")

z = 5
if(id(y) == id(y)):
   print("y and z refer to same memory")
