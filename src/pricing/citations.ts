/**
 * Short citations shown with each suggestion (full references: shared/research/pricing-negotiation.md).
 * One place so the panel, exports and tests name a source the same way.
 */
export const CITE = {
  langer: "Langer, Blank & Chanowitz 1978; Folkes 1985",
  kkt: "Kahneman, Knetsch & Thaler 1986",
  campbell: "Campbell 1999",
  waber: "Waber, Shiv, Carmon & Ariely 2008; Shiv, Carmon & Ariely 2005",
  anchoring: "Tversky & Kahneman 1974; Mussweiler, Strack & Pfeiffer 2000",
  firstOffer: "Galinsky & Mussweiler 2001; Negotiation Journal 39(1) 2023",
  infoAnchoring: "Loschelder, Swaab, Trötschel & Galinsky 2014",
  range: "Ames & Mason 2015",
  precise: "Janiszewski & Uy 2008; Mason, Lee, Wiley & Ames 2013; Thomas, Simon & Kadiyali 2010",
  experts: "Loschelder, Friese, Schaerer & Galinsky 2016",
  round: "Yan & Pena-Marin 2017; Backus, Blake & Tadelis 2015",
  procurement: "Hukkanen & Keloharju 2019; Mason et al. 2013",
  charm: "Anderson & Simester 2003; Schindler & Kibarian 1996; Palmon, Smith & Sopranzetti 2004",
  zeros: "Coulter, Choi & Monroe 2012; Raghubir & Srivastava 2002; Thaler 1985",
  units: "Wertenbroch, Soman & Chattopadhyay 2007; Pandelaere, Briers & Lembregts 2011",
  menu: "Yang, Kimes & Sessarego 2009",
  comparator: "Gourville 1999",
  perDay: "Gourville 1998, 2003",
  usage: "Gourville & Soman 2002",
  order: "Karmarkar, Shiv & Knutson 2015",
  mesos: "Leonardelli, Gu, McRuer, Medvec & Galinsky 2019",
  decoy: "Huber, Payne & Puto 1982; Wedell 1991",
  pushback: "Lee & Ames 2017",
  dell: "Emerson 1962; Kraljic 1983; BusinessWeek 2006 (Dell)"
} as const
