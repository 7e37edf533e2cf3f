def greet():
    print("hi", nmae)

nmae_typo = 1
greet()
