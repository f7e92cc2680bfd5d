"""NumPy reference models whose runs supply the numbers and sample points of the bank's parts."""
