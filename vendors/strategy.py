"""The buyer's stock and price strategy: Oscar's default (the product's stock record, stock
required, prices as stored), reading a basket line's stock record from the line. Its
availability policies are `vendors.availability`'s, which Oscar loads by name."""

from oscar.apps.partner import strategy


class Selector(strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)


class Default(strategy.Default):
    def fetch_for_line(self, line, stockrecord=None):
        """The line's own stock record, loaded with the basket's lines, where Oscar's looks the
        product's up again (one query per line). A product has one stock record, its
        cooperative's, and a line always points at it (deleting the record deletes the line)."""
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)
