class InsufficientFunds(Exception):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f'cannot withdraw {amount} from {balance}')
    return balance - amount
print(withdraw(100, 30))
print(withdraw(100, 300))
