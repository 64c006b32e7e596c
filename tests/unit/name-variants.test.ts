import { foldVariants, PLACE_VARIANTS } from '../../src/facts/name-variants';
import { acronymKeys, givenNamesAgree, nameKey, personKey } from '../../src/facts/names';

/** Every spelling in a group gives one key. */
const oneKey = (...names: string[]) => expect(new Set(names.map(nameKey)).size).toBe(1);

describe('transliterations of one surname give one key', () => {
  test('Zelensky / Zelenskyy / Zelenskiy / Zelenskyi / Zelenski', () => oneKey('Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenskyi', 'Zelenski', 'ZELENSKY'));
  test('Umerov / Umierov', () => oneKey('Umerov', 'Umierov'));
  test('Syrsky / Syrskyi, Zaluzhny / Zaluzhnyi / Zaluzhniy, Sergeev / Sergeyev', () => {
    oneKey('Syrsky', 'Syrskyi');
    oneKey('Zaluzhny', 'Zaluzhnyi', 'Zaluzhniy');
    oneKey('Sergeev', 'Sergeyev');
  });
});

describe('variants of one given name give one key, as the first word of a full name', () => {
  test('Kirill / Kyrylo', () => oneKey('Kirill Budanov', 'Kyrylo Budanov'));
  test('Steve / Steven / Stephen', () => oneKey('Steve Witkoff', 'Steven Witkoff', 'Stephen Witkoff'));
  test('Vladimir / Volodymyr with Zelensky / Zelenskyy', () => oneKey('Vladimir Zelensky', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy'));
  test('Rustem Umierov / Rustem Umerov', () => oneKey('Rustem Umierov', 'Rustem Umerov'));
  test('Sergei / Sergey / Serhiy, Oleksandr / Aleksandr, Andrii / Andriy / Andrei', () => {
    oneKey('Sergei Lavrov', 'Sergey Lavrov');
    oneKey('Oleksandr Syrskyi', 'Aleksandr Syrsky');
    oneKey('Andrii Yermak', 'Andriy Yermak', 'Andrei Yermak');
  });
  test('a given name standing as a surname, or alone, is not folded', () => {
    expect(nameKey('Sarah Stephen')).toBe('sarah stephen');
    expect(nameKey('Steve')).toBe('steve');
  });
});

describe('different people keep different keys', () => {
  test('different given names with one surname', () => {
    expect(nameKey('Olena Zelenska')).not.toBe(nameKey('Volodymyr Zelensky'));
    expect(nameKey('Steve Witkoff')).not.toBe(nameKey('Alex Witkoff'));
    expect(nameKey('Kira Budanova')).not.toBe(nameKey('Kyrylo Budanov'));
    expect(nameKey('Vladimir Putin')).not.toBe(nameKey('Olena Putin'));
  });
  test('middle initials are kept: George W. Bush is not George H. W. Bush', () => {
    expect(nameKey('George W. Bush')).not.toBe(nameKey('George H. W. Bush'));
  });
  test('names that only look Slavic-transliterated keep their letters', () => {
    expect(nameKey('Pierre Dieter')).toBe('piere dieter');
  });
});

describe('variant place names give one key', () => {
  test('Kiev / Kyiv, Zaporozhye / Zaporizhzhia, Lugansk / Luhansk', () => {
    oneKey('Kiev', 'Kyiv');
    oneKey('Zaporozhye', 'Zaporizhzhia', 'Zaporizhia', 'Zaporozhe');
    oneKey('Lugansk', 'Luhansk');
  });
  test('every listed variant, inside longer names too ("Kiev Oblast", "Krivoy Rog")', () => {
    for (const [canonical, ...others] of PLACE_VARIANTS) for (const other of others) expect(nameKey(other)).toBe(nameKey(canonical));
    oneKey('Kiev Oblast', 'Kyiv Oblast');
    oneKey('Krivoy Rog', 'Kryvyi Rih');
  });
  test('a variant is a whole word: "Kievan" is not "Kyivan"', () => {
    expect(foldVariants('kievan rus')).toBe('kievan rus');
  });
});

describe('country names and initials', () => {
  test('a country by its short and full names gives one key, as a whole name only', () => {
    oneKey('US', 'U.S.', 'United States', 'USA', 'the United States');
    oneKey('UK', 'Britain', 'United Kingdom', 'U.K.');
    oneKey('Russia', 'Russian Federation');
    oneKey('UAE', 'United Arab Emirates');
    expect(nameKey('US State Department')).toBe(nameKey('U.S. State Department'));
    expect(nameKey('US State Department')).not.toBe(nameKey('United States State Department'));
  });
  test('legal forms end a company name without changing it', () => {
    oneKey('Air Liquide SA', 'Air Liquide');
    oneKey('Electronic Data Systems Corp', 'Electronic Data Systems');
    expect(nameKey('Co')).toBe('co');
  });
});

describe('givenNamesAgree', () => {
  test('one given name after folding, or an initial of it', () => {
    expect(givenNamesAgree('K. Budanov', 'Kyrylo Budanov')).toBe(true);
    expect(givenNamesAgree('Kirill Budanov', 'Kyrylo Budanov')).toBe(true);
    expect(givenNamesAgree('Mark Hurd', 'Mark V. Hurd')).toBe(true);
  });
  test('different given names, different middle names, different surnames or one word do not agree', () => {
    expect(givenNamesAgree('Olena Putin', 'Vladimir Putin')).toBe(false);
    expect(givenNamesAgree('George W. Bush', 'George H. W. Bush')).toBe(false);
    expect(givenNamesAgree('Steve Witkoff', 'Steve Witkowski')).toBe(false);
    expect(givenNamesAgree('Budanov', 'Kyrylo Budanov')).toBe(false);
  });
});

describe('social-media handles', () => {
  test('a handle is keyed as the words it runs together; a name without "@" keeps its capitals as they are', () => {
    oneKey('@FaisalbinFarhan', 'Faisal bin Farhan');
    expect(personKey('@DrSJaishankar')).toBe(personKey('S Jaishankar'));
    oneKey('BlackRock', 'Blackrock');
    expect(nameKey('@ForeignOfficePk')).not.toBe(nameKey('ForeignOfficePk'));
  });
});

describe('honorifics of other countries', () => {
  test('"Daw Aung San Suu Kyi", "Tun Dr Mahathir Mohamad", "Datuk Mohamed Azmin Ali", "Alhaji Atiku Abubakar" key as the names without them', () => {
    for (const [titled, plain] of [
      ['Daw Aung San Suu Kyi', 'Aung San Suu Kyi'],
      ['Tun Dr Mahathir Mohamad', 'Mahathir Mohamad'],
      ['Datuk Mohamed Azmin Ali', 'Mohamed Azmin Ali'],
      ['Alhaji Atiku Abubakar', 'Atiku Abubakar'],
    ])
      expect(personKey(titled)).toBe(personKey(plain));
  });
});

describe('regions known by initials', () => {
  test('"NWFP" meets "North-West Frontier Province" (a region), as an organisation meets its initials', () => {
    const region = (name: string) => ({ id: 'location:x', type: 'Location' as const, kind: 'REGION' as const, name, aliases: [], evidence: [] });
    const full = acronymKeys(region('North-West Frontier Province'), 'North-West Frontier Province')!;
    const short = acronymKeys(region('NWFP'), 'NWFP')!;
    expect(short.lookup.some((k) => full.stored.includes(k))).toBe(true);
    const city = { ...region('Palo Alto'), kind: 'CITY' as const };
    expect(acronymKeys(city, 'Palo Alto')).toBeUndefined();
  });
});
