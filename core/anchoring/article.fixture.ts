/**
 * A news article written for these tests (a fictional outlet, city and people), as the page text Watchwords reads:
 * blocks separated by a blank line (lib/page-text.ts). It repeats a pull quote, as news layouts do, and names
 * "licence plate readers" in two different places.
 */
export const paragraphs = [
  'Port Aldine council quietly extends plate-reader network',
  'By Zoë Marchetti, City Hall reporter · The Harbour Ledger',
  'PORT ALDINE — The city council voted 7–2 on Tuesday night to extend its network of automated licence plate readers to every bridge and ferry ramp in the harbour district, a decision made without public hearings and, according to two councillors, without a clear answer about how long the data will be kept.',
  '“Nobody on this council was ever told that the cameras would keep every plate they read for five years,” said councillor Ana Petrović, one of the two members who voted against the measure.',
  'The contract, worth $4.2 million over three years, goes to Northgate Vision Systems, the same vendor that installed the first twelve cameras on Quay Street in 2021. A city spokesperson, José Ñúñez, said the extension would help police find stolen cars and vehicles linked to missing-person alerts. 🚨',
  '“Nobody on this council was ever told that the cameras would keep every plate they read for five years,” said councillor Ana Petrović, one of the two members who voted against the measure.',
  'Civil liberties groups said the retention period matters more than the number of cameras. Licence plate readers record the time and place of every passing car, and five years of those records can show where a person lives, works and worships, said Idris Okafor of the Aldine Digital Rights Project.',
  'A café owner on Quay Street, Hélène Brisbois, posted a photo of the new mounts on Wednesday morning 📷 with a short caption: “Smile, you’re on the ferry ramp.” The post was shared more than three thousand times before noon.',
  'The council’s public safety committee is due to publish the data retention policy before the cameras go live in March. Petrović said she would table a motion to cut retention to thirty days.',
];

export const article = paragraphs.join('\n\n');
