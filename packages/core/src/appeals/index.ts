export * from './policy';
export * from './terms';
export * from './appeal';
export * from './rules';
export * from './urgency';
export * from './report';
export * from './public-view';
export * from './access';
