"""The review app: analysts accept, reject and add tags; every decision is stored durably."""
