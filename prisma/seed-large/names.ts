/** Common French first and last names for the large synthetic population. */
export const MALE_FIRST_NAMES = [
  "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "Daniel", "Patrick", "Nicolas", "Christophe",
  "Thomas", "Julien", "Frédéric", "Stéphane", "David", "Sébastien", "Laurent", "Éric", "Olivier", "Lucas", "Hugo", "Louis",
  "Gabriel", "Arthur", "Jules", "Léo", "Raphaël", "Adam", "Noah", "Mathis", "Nathan", "Théo", "Maxime", "Antoine", "Romain",
  "Guillaume", "Vincent", "François", "Henri", "Paul", "Yanis", "Karim", "Mohamed", "Ibrahim",
] as const;

export const FEMALE_FIRST_NAMES = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Christine", "Monique", "Sandrine", "Sophie",
  "Céline", "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Jade", "Louise", "Alice", "Lina", "Rose", "Anna", "Inès",
  "Sarah", "Laura", "Pauline", "Aurélie", "Émilie", "Hélène", "Jeanne", "Claire", "Anne", "Martine", "Nadia", "Fatima",
  "Yasmine", "Mélanie", "Élodie", "Charlotte", "Juliette", "Zoé", "Lucie", "Océane",
] as const;

export const LAST_NAMES = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel",
  "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
  "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier",
  "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
  "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
  "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
  "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine",
  "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
  "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
  "Benali", "Haddad", "Nguyen", "Cohen", "Da Silva", "Le Goff", "Le Gall", "Bouvier",
] as const;
