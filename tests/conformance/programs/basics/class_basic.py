class Dog:
    species = 'canine'
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def speak(self):
        return f'{self.name} says woof'
    def __repr__(self):
        return f'Dog({self.name!r}, {self.age})'
    def __str__(self):
        return f'{self.name}, {self.age} years'
d = Dog('Rex', 3)
e = Dog('Fido', 5)
print(d.speak(), Dog.count, d.species, Dog.species)
print(d, repr(e), [d, e], str(e))
d.species = 'wolf?'
print(d.species, e.species, Dog.species)
print(type(d).__name__, isinstance(d, Dog), isinstance(3, Dog))
print(sorted(vars(d).items()), hasattr(d, 'age'), getattr(e, 'nope', 'default'))
setattr(e, 'age', 6)
print(e.age)
delattr(e, 'age')
print(hasattr(e, 'age'))
print(Dog.speak(d))
