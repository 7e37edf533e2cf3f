café = "crème"
résultat = café + 1
