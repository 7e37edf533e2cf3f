# seed 003_d1162c4800741822.txt, example 3, under "The del statement" (interning paragraph: "hex(id(a)) == hex(id(b)) → True" for numbers in [-5, 256]); the seed gives only the expression, so a and b are defined here
a = 100
b = 100
print(hex(id(a)) == hex(id(b)))
