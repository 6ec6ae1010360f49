"""One public function per user intention: validate, write in one transaction, return Changes."""
