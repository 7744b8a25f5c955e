"""The marketplace split: vendor orders per cooperative, the payout ledger, refunds, payouts and invoices."""
