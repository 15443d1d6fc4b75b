// Messages for the payment problems, kept out of the shared table so that only the pages
// that pay carry them (the invoices element merges them into its own table).
export const paymentProblemsFr = {
  amount_below_minimum: 'Ce montant est inférieur au minimum du paiement en ligne. Vous pouvez le régler au guichet en espèces, par chèque ou en CESU.',
  payment_in_progress: 'Un paiement en ligne de cette facture est déjà en cours. Attendez son résultat avant de payer à nouveau.',
  invoice_already_paid: 'Cette facture est déjà réglée.',
  payment_provider_unavailable: 'Le service de paiement en ligne ne répond pas. Rien n’a été débité : réessayez plus tard.',
};
