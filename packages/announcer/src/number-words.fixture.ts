/**
 * Test data, written out independently of src/vocabulary.ts: the Ukrainian and Russian number
 * words by place (units, teens, tens, hundreds), and `expectedWords`, which lists every
 * number 1-999 by walking the places in order rather than by dividing (as the code does).
 */

export interface PlaceWords {
  /** one .. nine */
  readonly units: readonly string[];
  /** ten .. nineteen */
  readonly teens: readonly string[];
  /** twenty .. ninety */
  readonly tens: readonly string[];
  /** one hundred .. nine hundred */
  readonly hundreds: readonly string[];
}

export const UK_PLACES: PlaceWords = {
  units: ['один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять"],
  teens: [
    'десять',
    'одинадцять',
    'дванадцять',
    'тринадцять',
    'чотирнадцять',
    "п'ятнадцять",
    'шістнадцять',
    'сімнадцять',
    'вісімнадцять',
    "дев'ятнадцять",
  ],
  tens: ['двадцять', 'тридцять', 'сорок', "п'ятдесят", 'шістдесят', 'сімдесят', 'вісімдесят', "дев'яносто"],
  hundreds: ['сто', 'двісті', 'триста', 'чотириста', "п'ятсот", 'шістсот', 'сімсот', 'вісімсот', "дев'ятсот"],
};

export const RU_PLACES: PlaceWords = {
  units: ['один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  teens: [
    'десять',
    'одиннадцать',
    'двенадцать',
    'тринадцать',
    'четырнадцать',
    'пятнадцать',
    'шестнадцать',
    'семнадцать',
    'восемнадцать',
    'девятнадцать',
  ],
  tens: ['двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'],
  hundreds: [
    'сто',
    'двести',
    'триста',
    'четыреста',
    'пятьсот',
    'шестьсот',
    'семьсот',
    'восемьсот',
    'девятьсот',
  ],
};

/** Index i holds the words for i (index 0 is unused): 1-9, 10-19, then 20, 21, ..., 999. */
export const expectedWords = (places: PlaceWords): readonly string[] => {
  const belowHundred: string[] = [...places.units, ...places.teens];
  for (const ten of places.tens) {
    belowHundred.push(ten);
    for (const unit of places.units) belowHundred.push(`${ten} ${unit}`);
  }
  const all: string[] = ['', ...belowHundred];
  for (const hundred of places.hundreds) {
    all.push(hundred);
    for (const rest of belowHundred) all.push(`${hundred} ${rest}`);
  }
  return all;
};
