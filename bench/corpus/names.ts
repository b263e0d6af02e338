// Name parts for the synthetic literature's people, institutions and venues.

const words = (text: string): string[] => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
  Ana Wei Omar Lena Ravi Sofia Jun Amara Lucas Mei Tomas Priya Hassan Elena Kenji Zara Mateo Ingrid Arjun Chloe
  Yusuf Hana Diego Freya Sanjay Aiko Malik Nora Pavel Leila Chen Marta Kofi Ines Dmitri Yara Hugo Anya Tariq Rosa
  Felix Mina Oscar Lina Rahul Sara Emeka Julia Akira Nadia Bruno Eva Jae Fatima Henrik Lucia Vikram Alma Samir Ida
  Tobias Ayesha Pedro Greta Min Olga Karim Clara Ibrahim Vera Marco Signe Ahmed Leona Kai Asha Theo Daria Nikhil Mira
`);

export const LAST_NAMES = words(`
  Garcia Wang Okafor Novak Sharma Rossi Tanaka Mensah Silva Chen Kowalski Iyer Haddad Petrova Sato Abadi Moreno Lindqvist
  Patel Dubois Yilmaz Kim Fernandes Berg Gupta Nakamura Diallo Jensen Volkov Rahman Liu Schmidt Asante Costa Ivanova
  Hoffmann Zhang Nwosu Martins Kaur Romano Suzuki Bianchi Adeyemi Larsen Mehta Fischer Li Ortiz Eriksson Das Takahashi
  Mbeki Novotny Reyes Huang Weber Osei Almeida Kumar Ferrari Kato Lopez Nielsen Banerjee Wagner Zhou Santos Andersen
  Rao Conti Yamamoto Owusu Pereira Holm Singh Russo Ito Hernandez Lund Bose Keller Wu Torres Dahl Joshi Marino Mori
  Campbell Yang Nkemelu Park Becker Hall Sorensen Qureshi Greco Hayashi Alvarez Strand Chatterjee Vogel Zhao Ramos
`);

export const CITIES = words(`
  Aldmoor Brightwater Cedarholm Dunmere Eastvale Fairhaven Glenrock Harrowgate Ironbridge Juniper Kingsford Lakemont
  Millbrook Northfield Oakridge Pinecrest Queensport Riverton Stonehaven Thornbury Upland Valemont Westbrook Yarrow
`);

export const INSTITUTION_FORMS = [
  'University of {city}',
  '{city} Institute of Technology',
  '{city} Research Laboratory',
  '{city} College',
  'National Laboratory of {city}',
  '{city} Medical Center',
] as const;

export const VENUE_FORMS = [
  'Proceedings of the Conference on {field}',
  'Journal of {field}',
  'Transactions on {field}',
  'Workshop on {topic}',
  'Annual Symposium on {field}',
] as const;
